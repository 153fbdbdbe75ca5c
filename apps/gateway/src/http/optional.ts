import { ValidateIf } from 'class-validator';

/**
 * A field the caller may leave out. Unlike class-validator's IsOptional, null is not leaving it
 * out: the field's own checks refuse it (a list given as null is no list), so no route meets a
 * null it did not expect. Lint keeps IsOptional out of the gateway.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
