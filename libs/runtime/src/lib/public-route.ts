import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'pilot:public-route';

/** Marks a route (or a controller) that anyone may call: a gateway's access guard lets it through. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
