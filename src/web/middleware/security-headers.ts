// Security headers on every response (helmet): a CSP with no inline scripts or styles,
// no framing, nosniff, a strict referrer policy.
import helmet from 'helmet';

const directives = (frameAncestors: string) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: [frameAncestors],
});

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives("'none'") },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * For the few pages the site frames itself (the comment form inside cached article pages):
 * the same policy, but our own pages may frame them. Other sites still may not.
 */
export const allowSameOriginFraming = helmet.contentSecurityPolicy({ useDefaults: false, directives: directives("'self'") });
