import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'innomed:isPublic';

/** Marks a resolver, controller or handler that anonymous callers may use. Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
