// Lets Node's http server create every request and response with the Express app's prototypes
// already in place.
//
// Express gives each request and response its own methods (req.get, res.render ...) by swapping
// their prototype on the way in (Object.setPrototypeOf in app.handle). Swapping the prototype of
// a live object is slow in V8, and measured on Node 20 with a route that only answers "ok" it
// also made each request promote about 9 KB into the old generation, so full collections came
// several times a second (most of what the old-space limit of `npm run serve` cost uncached
// pages). Built with the right prototype from the start, Express's swap finds nothing to
// change and is a no-op (the same route: nothing promoted, about 30% more requests/s).
import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Express } from 'express';

export type ExpressServerOptions = Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'>;

/**
 * Makes the app's request and response prototypes classes Node's http server can construct,
 * and returns them as server options. Call once per app, before it serves anything.
 */
export function expressPrototypes(app: Express): ExpressServerOptions {
  class ExpressRequest extends IncomingMessage {}
  class ExpressResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
  for (const [cls, appPrototype] of [
    [ExpressRequest, app.request],
    [ExpressResponse, app.response],
  ] as const) {
    // Once, at start-up: the class prototype inherits Express's methods for this app, and
    // holds `app` itself too, as the prototype it replaces did (Express re-parents it if the
    // app is ever mounted in another one).
    Object.setPrototypeOf(cls.prototype, appPrototype);
    Object.defineProperty(cls.prototype, 'app', { configurable: true, enumerable: true, writable: true, value: app });
  }
  app.request = ExpressRequest.prototype as unknown as Express['request'];
  app.response = ExpressResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse };
}
