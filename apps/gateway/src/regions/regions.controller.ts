import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type CityView, type CollegeDirectoryPage, type ProvinceView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { Public } from '@pilot/runtime';
import { CollegesQueryDto } from './colleges-query.dto';
import { ProvinceCodeParam } from './province-code.param';

@ApiTags('regions')
@Public()
@Controller('regions/provinces')
export class RegionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '31个省级行政区及其教育行政部门' })
  provinces(): Promise<ProvinceView[]> {
    return this.rpc.request(RpcPatterns.identity.listProvinces);
  }

  @Get(':code/cities')
  @ApiOperation({ summary: '省内地市' })
  @ApiParam({ name: 'code', description: '六位省级行政区划代码，如 370000' })
  cities(@Param() { code }: ProvinceCodeParam): Promise<CityView[]> {
    return this.rpc.request(RpcPatterns.identity.listCities, { provinceCode: code });
  }

  @Get(':code/colleges')
  @ApiOperation({ summary: '按省份检索院校名录（不含学校标识码：院校注册时须自行填写以证明身份）' })
  @ApiParam({ name: 'code', description: '六位省级行政区划代码，如 370000' })
  colleges(@Param() { code }: ProvinceCodeParam, @Query() query: CollegesQueryDto): Promise<CollegeDirectoryPage> {
    return this.rpc.request(RpcPatterns.identity.searchColleges, { provinceCode: code, ...query });
  }
}
