import { DynamicModule, Module } from '@nestjs/common';
import { ExemptAddresses } from './client-address';

@Module({})
export class ClientAddressesModule {
  /** Global: SMS sending and sign-in both count callers by address. */
  static register(exemptList = ''): DynamicModule {
    return {
      module: ClientAddressesModule,
      global: true,
      providers: [{ provide: ExemptAddresses, useValue: new ExemptAddresses(exemptList) }],
      exports: [ExemptAddresses],
    };
  }
}
