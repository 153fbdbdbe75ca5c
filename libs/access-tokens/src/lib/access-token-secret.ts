import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

/** Lets a development machine start with no setting; production must bring its own secret. */
export const DEV_JWT_SECRET = 'development-only-access-token-secret-change-me';

@ValidatorConstraint({ name: 'ownSecretInProduction' })
export class OwnSecretInProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return !(value === DEV_JWT_SECRET && (args.object as { NODE_ENV?: string }).NODE_ENV === 'production');
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be set to a secret of its own when NODE_ENV=production`;
  }
}
