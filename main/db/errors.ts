export class DbOpenError extends Error {
  constructor(
    message: string,
    public readonly reason: 'foreign' | 'newer' | 'corrupt' | 'checksum' | 'io' | 'locked',
  ) {
    super(message);
    this.name = 'DbOpenError';
  }
}
