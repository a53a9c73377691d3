import { InputType, PartialType, PickType } from '@nestjs/graphql';
import { RegisterInput } from '@api/modules/identity/auth/auth.input.js';

@InputType({ description: 'Profile fields to change; omitted fields stay as they are.' })
export class UpdateProfileInput extends PartialType(PickType(RegisterInput, ['displayName', 'preferredLanguages', 'country', 'timeZone'] as const)) {}
