import { isErrorCode } from '@pilot/contracts';
import answers from './openapi-answers.json';

// tools/build/openapi-answers.cjs writes the file from the code; the test command runs it with
// --check, so a route added without describing it does not land.
describe('the answers the OpenAPI document describes', () => {
  it('name a contract schema for every answer with a body, and catalogue codes only', () => {
    const operations = Object.values(answers.operations) as { answer: string | null; errors: string[] }[];
    expect(operations.length).toBeGreaterThan(40);
    for (const { answer, errors } of operations) {
      if (answer && answer !== 'file') expect(answers.schemas).toHaveProperty([answer.replace(/\[\]$/, '')]);
      expect(errors.filter((code) => !isErrorCode(code))).toEqual([]);
      expect(errors).toEqual(expect.arrayContaining(['MALFORMED_REQUEST', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']));
    }
  });
});
