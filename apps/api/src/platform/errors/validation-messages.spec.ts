import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsISO31661Alpha2, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { firstViolation, userWords } from './validation-messages.js';

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

class Inner {
  @IsOptional()
  @IsDate()
  deadline?: Date;
}

class Sample {
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @IsOptional()
  @Matches(/^[a-z]{2}$/, { each: true })
  languages?: string[];

  @IsOptional()
  @IsInt()
  @Max(100)
  count?: number;

  @IsOptional()
  @MaxLength(5)
  title?: string;

  @IsOptional()
  @ArrayMaxSize(2)
  tags?: string[];

  @IsOptional()
  @IsEnum(Colour)
  colour?: Colour;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;

  @IsOptional()
  @Matches(/^x$/, { message: 'code must be x' })
  code?: string;
}

const said = (plain: Record<string, unknown>) => firstViolation(validateSync(plainToInstance(Sample, plain)));

describe('validation messages in user words', () => {
  it.each([
    [{ inner: { deadline: 'tomorrow' } }, 'deadline must be a date and time such as 2027-03-01T10:00:00Z'],
    [{ networkId: 'abc' }, 'networkId must be an id given out by this server (a UUID)'],
    [{ country: 'Italy' }, 'country must be a two-letter country code such as IT, GR, FR, TN or EG'],
    [{ languages: ['english'] }, 'each value of languages is not in the form the schema describes for it'],
    [{ count: 1.5 }, 'count must be a whole number'],
    [{ count: 101 }, 'count must be at most 100'],
    [{ title: 'too long' }, 'title must be at most 5 characters long'],
    [{ tags: ['a', 'b', 'c'] }, 'tags takes at most 2 values'],
    [{ colour: 'GREEN' }, 'colour must be one of RED, BLUE'],
    [{ code: 'y' }, 'code must be x'],
  ])('%j → %s', (plain, message) => {
    expect(said(plain)).toBe(message);
  });

  it('never leaks library wording', () => {
    for (const plain of [{ inner: { deadline: 1 } }, { country: 'xx' }, { languages: ['EN'] }]) {
      expect(said(plain)).not.toMatch(/Date instance|regular expression|ISO31661|base64/);
    }
  });

  it('says unknown and malformed nested fields plainly', () => {
    expect(userWords('property colour should not exist')).toBe('colour is not a field of this input');
    expect(userWords('nested property inner must be either object or array')).toBe('inner must be an object with the fields the schema lists');
  });
});
