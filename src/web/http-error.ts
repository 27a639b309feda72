// An error with an HTTP status and a message fit to show the reader.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message = '您访问的页面不存在或已被删除。') => new HttpError(404, message);
export const badRequest = (message = '请求参数不正确。') => new HttpError(400, message);
