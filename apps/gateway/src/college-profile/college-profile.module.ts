import { Module } from '@nestjs/common';
import { CollegeProfileController } from './college-profile.controller';

@Module({ controllers: [CollegeProfileController] })
export class CollegeProfileModule {}
