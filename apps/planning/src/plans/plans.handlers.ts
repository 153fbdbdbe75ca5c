import { Injectable } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ListPlansRequest, type PlanFields, type UpdatePlanRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { PlansService } from './plans.service';

@Injectable()
export class PlansHandlers {
  constructor(private readonly plans: PlansService) {}

  @RpcHandler(RpcPatterns.planning.listPlans)
  list({ actor, ...request }: ActorRequest<ListPlansRequest>) {
    return this.plans.list(requireRole(actor, ...ROLES), request);
  }

  @RpcHandler(RpcPatterns.planning.getPlan)
  get({ actor, id }: ActorRequest<{ id: string }>) {
    return this.plans.get(requireRole(actor, ...ROLES), id);
  }

  @RpcHandler(RpcPatterns.planning.createPlan)
  create({ actor, ...fields }: ActorRequest<PlanFields>) {
    return this.plans.create(requireRole(actor, 'province_reviewer'), fields);
  }

  @RpcHandler(RpcPatterns.planning.updatePlan)
  update({ actor, ...request }: ActorRequest<UpdatePlanRequest>) {
    return this.plans.update(requireRole(actor, 'province_reviewer'), request);
  }

  @RpcHandler(RpcPatterns.planning.publishPlan)
  publish({ actor, id }: ActorRequest<{ id: string }>) {
    return this.plans.publish(requireRole(actor, 'province_reviewer'), id);
  }

  @RpcHandler(RpcPatterns.planning.deletePlan)
  async delete({ actor, id }: ActorRequest<{ id: string }>) {
    await this.plans.delete(requireRole(actor, 'province_reviewer'), id);
    return { deleted: true };
  }
}
