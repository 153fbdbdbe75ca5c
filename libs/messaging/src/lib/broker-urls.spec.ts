import { brokerUrls } from './broker-urls';

describe('broker URLs', () => {
  it('keeps a single-host URL as it is', () => {
    expect(brokerUrls('amqp://guest:guest@127.0.0.1:5672')).toEqual(['amqp://guest:guest@127.0.0.1:5672']);
  });

  it('gives each host of a cluster URL the same credentials, vhost and parameters', () => {
    expect(brokerUrls('amqps://pilot:s3cr%40t@mq-0.mq:5671,mq-1.mq:5671, mq-2.mq:5671/platform?heartbeat=5')).toEqual([
      'amqps://pilot:s3cr%40t@mq-0.mq:5671/platform?heartbeat=5',
      'amqps://pilot:s3cr%40t@mq-1.mq:5671/platform?heartbeat=5',
      'amqps://pilot:s3cr%40t@mq-2.mq:5671/platform?heartbeat=5',
    ]);
  });

  it('works without credentials', () => {
    expect(brokerUrls('amqp://a:5672,b:5672')).toEqual(['amqp://a:5672', 'amqp://b:5672']);
  });

  it('refuses an empty host and a URL of another scheme', () => {
    expect(() => brokerUrls('amqp://u:p@a:5672,,b:5672')).toThrow('empty host');
    expect(() => brokerUrls('http://a:5672')).toThrow('amqp://');
  });
});
