import { screenshotPath } from './browser';
import { reportOpenPagesOnFailure } from './failure-report';

// Pages a test file keeps open across its tests are reported here, after the file's own hooks.
afterEach(() => reportOpenPagesOnFailure(screenshotPath));
