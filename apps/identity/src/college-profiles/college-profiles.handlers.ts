import { Injectable } from '@nestjs/common';
import { RpcPatterns, requireRole, type ActorRequest, type CollegeProfileFields } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { CollegeProfilesService } from './college-profiles.service';

@Injectable()
export class CollegeProfilesHandlers {
  constructor(private readonly profiles: CollegeProfilesService) {}

  @RpcHandler(RpcPatterns.identity.getProfile)
  get({ actor }: ActorRequest) {
    return this.profiles.get(requireRole(actor, 'college'));
  }

  @RpcHandler(RpcPatterns.identity.saveProfile)
  save({ actor, profile }: ActorRequest<{ profile: CollegeProfileFields }>) {
    return this.profiles.save(requireRole(actor, 'college'), profile);
  }
}
