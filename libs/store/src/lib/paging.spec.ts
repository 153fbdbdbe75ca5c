import { keywordFilter, pageWindow } from './paging';

describe('paging store queries', () => {
  it('keeps the page asked for inside the limits, whatever reached the queue', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 10, skip: 0 });
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, skip: 40 });
    expect(pageWindow({ page: -2, pageSize: 5000 })).toEqual({ page: 1, pageSize: 100, skip: 0 });
    expect(pageWindow({ page: Number.NaN, pageSize: 2.7 })).toEqual({ page: 1, pageSize: 2, skip: 0 });
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
