import { Controller } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ListPlansRequest, type PlanFields, type UpdatePlanRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { PlansService } from './plans.service';

@Controller()
export class PlansHandlers {
  constructor(private readonly plans: PlansService) {}

  @OnRequest(RpcPatterns.planning.listPlans)
  list({ actor, ...request }: ActorRequest<ListPlansRequest>) {
    return this.plans.list(requireRole(actor, ...ROLES), request);
  }

  @OnRequest(RpcPatterns.planning.getPlan)
  get({ actor, id }: ActorRequest<{ id: string }>) {
    return this.plans.get(requireRole(actor, ...ROLES), id);
  }

  @OnRequest(RpcPatterns.planning.createPlan)
  create({ actor, ...fields }: ActorRequest<PlanFields>) {
    return this.plans.create(requireRole(actor, 'province_reviewer'), fields);
  }

  @OnRequest(RpcPatterns.planning.updatePlan)
  update({ actor, ...request }: ActorRequest<UpdatePlanRequest>) {
    return this.plans.update(requireRole(actor, 'province_reviewer'), request);
  }

  @OnRequest(RpcPatterns.planning.publishPlan)
  publish({ actor, id }: ActorRequest<{ id: string }>) {
    return this.plans.publish(requireRole(actor, 'province_reviewer'), id);
  }

  @OnRequest(RpcPatterns.planning.deletePlan)
  async delete({ actor, id }: ActorRequest<{ id: string }>) {
    await this.plans.delete(requireRole(actor, 'province_reviewer'), id);
    return { deleted: true };
  }
}
