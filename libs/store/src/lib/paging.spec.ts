import { MAX_PAGE, MAX_PAGE_SIZE, PlatformError } from '@pilot/contracts';
import { keywordFilter, pageWindow } from './paging';

describe('paging store queries', () => {
  it('gives the page asked for, or the first page of ten', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 10, skip: 0 });
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, skip: 40 });
    expect(pageWindow({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE })).toEqual({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE, skip: (MAX_PAGE - 1) * MAX_PAGE_SIZE });
  });

  it.each([
    [{ page: -2 }, 'page'],
    [{ page: 0 }, 'page'],
    [{ page: MAX_PAGE + 1 }, 'page'],
    [{ page: Number.NaN }, 'page'],
    [{ pageSize: 5000 }, 'pageSize'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: 2.7 }, 'pageSize'],
    [{ pageSize: Number.POSITIVE_INFINITY }, 'pageSize'],
    [{ page: true as unknown as number }, 'page'],
    [{ pageSize: '1e1' as unknown as number }, 'pageSize'],
  ])('refuses %j, whatever reached the queue, instead of moving it into range', (request, field) => {
    let refused: unknown;
    try {
      pageWindow(request);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).toBody()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { [field]: [expect.any(String)] } } });
  });

  it('matches a keyword literally in any of the fields, and nothing when it is blank', () => {
    expect(keywordFilter('  ', ['name'])).toEqual({});
    expect(keywordFilter(undefined, ['name'])).toEqual({});
    expect(keywordFilter('C++ (高级)', ['name', 'organisation'])).toEqual({
      $or: [
        { name: { $regex: 'C\\+\\+ \\(高级\\)', $options: 'i' } },
        { organisation: { $regex: 'C\\+\\+ \\(高级\\)', $options: 'i' } },
      ],
    });
  });
});
