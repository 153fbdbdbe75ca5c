import { Injectable } from '@nestjs/common';
import {
  PlatformError,
  RpcPatterns,
  type Actor,
  type CertificateView,
  type CollegeProfileView,
} from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';

/**
 * What an application copies from the services that own it, asked when it is written: the
 * certificate and majors from planning, the college's name and city from identity.
 */
@Injectable()
export class ReferenceData {
  private departments?: Promise<Map<string, string>>;

  constructor(private readonly rpc: RpcClient) {}

  async certificate(actor: Actor, certificateId: string): Promise<CertificateView> {
    const page = await this.rpc.request(RpcPatterns.planning.searchCertificates, { ids: [certificateId], actor });
    const certificate = page.items.find((item) => item.id === certificateId);
    if (!certificate) throw new PlatformError('CERTIFICATE_NOT_FOUND');
    return certificate;
  }

  /** The majors in the order given; an unknown code is refused by name. */
  async majors(actor: Actor, codes: string[]): Promise<{ code: string; name: string }[]> {
    if (codes.length === 0) return [];
    const page = await this.rpc.request(RpcPatterns.planning.searchMajors, { codes, pageSize: codes.length, actor });
    const names = new Map(page.items.map((major) => [major.code, major.name]));
    const unknown = codes.find((code) => !names.has(code));
    if (unknown) throw new PlatformError('MAJOR_NOT_FOUND', `专业目录中没有代码为${unknown}的专业`);
    return codes.map((code) => ({ code, name: names.get(code) ?? '' }));
  }

  async college(actor: Actor): Promise<CollegeProfileView> {
    return this.rpc.request(RpcPatterns.identity.getProfile, { actor });
  }

  /** 山东省教育厅 and the like, for the history a college reads. */
  async departmentName(provinceCode: string): Promise<string> {
    this.departments ??= this.rpc
      .request(RpcPatterns.identity.listProvinces)
      .then((provinces) => new Map(provinces.map((province) => [province.code, province.departmentName])))
      .catch((err: unknown) => {
        this.departments = undefined;
        throw err;
      });
    return (await this.departments).get(provinceCode) ?? '省级教育行政部门';
  }
}
