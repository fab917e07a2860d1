// The reactive router over the hash routes defined in ../routes.ts.
import { href, parseHash, type Route } from '../routes';

export { docHref, href, type Route } from '../routes';

class Router {
  route = $state.raw<Route>(parseHash(location.hash));
  /** Bumped on every navigation, even to the same URL, so views can re-scroll. */
  visit = $state(0);

  constructor() {
    window.addEventListener('hashchange', () => this.#sync());
  }

  #sync(): void {
    this.route = parseHash(location.hash);
    this.visit++;
  }

  /** Go to a route; `replace` rewrites the current history entry (e.g. while typing a query). */
  go(to: Route | string, { replace = false } = {}): void {
    const target = typeof to === 'string' ? to : href(to);
    if (replace) {
      history.replaceState(history.state, '', target);
      this.#sync();
    } else if (location.hash === target) {
      this.#sync();
    } else {
      location.hash = target;
    }
  }

  back(): void {
    history.back();
  }

  forward(): void {
    history.forward();
  }
}

export const router = new Router();
