import { Controller } from '@nestjs/common';
import { RpcPatterns, requireRole, type ActorRequest, type CollegeProfileFields } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { CollegeProfilesService } from './college-profiles.service';

@Controller()
export class CollegeProfilesHandlers {
  constructor(private readonly profiles: CollegeProfilesService) {}

  @OnRequest(RpcPatterns.identity.getProfile)
  get({ actor }: ActorRequest) {
    return this.profiles.get(requireRole(actor, 'college'));
  }

  @OnRequest(RpcPatterns.identity.saveProfile)
  save({ actor, profile }: ActorRequest<{ profile: CollegeProfileFields }>) {
    return this.profiles.save(requireRole(actor, 'college'), profile);
  }
}
