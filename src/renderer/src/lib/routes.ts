// Hash routes (pure parsing and building; the reactive router is state/router.svelte.ts), so every view has a URL and the browser's own history gives back/forward.
//   #/                         library
//   #/doc/<slug>[/<anchor>][?hl=<terms>&block=<block id>]
//   #/search?q=…&doc=…&partner=…
//   #/partner/<id>
//   #/bookmarks
//   #/notes                    the reader's notes
//   #/timeline?…               the timeline; its query (filters, lanes, zoom) is read by lib/timeline/url.ts
//   #/briefing?partner=<id> | ?compare=<id>,<id>[,…]  the briefing sheet; its query is read by lib/briefing/url.ts
//   #/compare?p=<id>,<id>[,…]&mode=grid|text[&facet=<id>]  the comparison; its query is read by lib/compare/url.ts

export type Route =
  | { name: 'library' }
  | { name: 'doc'; slug: string; anchor: string | null; hl: string | null; block: string | null }
  | { name: 'search'; q: string; doc: string | null; partner: string | null }
  | { name: 'partner'; id: string }
  | { name: 'bookmarks' }
  | { name: 'notes' }
  | { name: 'timeline'; query: string }
  | { name: 'briefing'; query: string }
  | { name: 'compare'; query: string }
  | { name: 'notfound'; path: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const query = new URLSearchParams(queryPart);
  const parts = pathPart.split('/').filter(Boolean).map(decode);
  const [head, a, b] = parts;
  if (parts.length === 0) return { name: 'library' };
  if (head === 'doc' && a && parts.length <= 3) {
    return { name: 'doc', slug: a, anchor: b ?? null, hl: query.get('hl') || null, block: query.get('block') || null };
  }
  if (head === 'search' && parts.length === 1) {
    return {
      name: 'search',
      q: query.get('q') ?? '',
      doc: query.get('doc') || null,
      partner: query.get('partner') || null,
    };
  }
  if (head === 'partner' && a && parts.length === 2) return { name: 'partner', id: a };
  if (head === 'bookmarks' && parts.length === 1) return { name: 'bookmarks' };
  if (head === 'notes' && parts.length === 1) return { name: 'notes' };
  if (head === 'timeline' && parts.length === 1) return { name: 'timeline', query: queryPart };
  if (head === 'briefing' && parts.length === 1) return { name: 'briefing', query: queryPart };
  if (head === 'compare' && parts.length === 1) return { name: 'compare', query: queryPart };
  return { name: 'notfound', path: pathPart || '/' };
}

export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'library':
      return '#/';
    case 'doc': {
      let h = `#/doc/${enc(route.slug)}`;
      if (route.anchor) h += `/${enc(route.anchor)}`;
      const q = new URLSearchParams();
      if (route.hl) q.set('hl', route.hl);
      if (route.block) q.set('block', route.block);
      return q.size ? `${h}?${q.toString().replace(/\+/g, '%20')}` : h;
    }
    case 'search': {
      const q = new URLSearchParams();
      q.set('q', route.q);
      if (route.doc) q.set('doc', route.doc);
      if (route.partner) q.set('partner', route.partner);
      return `#/search?${q.toString()}`;
    }
    case 'partner':
      return `#/partner/${enc(route.id)}`;
    case 'bookmarks':
      return '#/bookmarks';
    case 'notes':
      return '#/notes';
    case 'timeline':
      return route.query ? `#/timeline?${route.query}` : '#/timeline';
    case 'briefing':
      return route.query ? `#/briefing?${route.query}` : '#/briefing';
    case 'compare':
      return route.query ? `#/compare?${route.query}` : '#/compare';
    case 'notfound':
      return `#${route.path}`;
  }
}

export const docHref = (slug: string, anchor?: string | null, hl?: string | null, block?: string | null): string =>
  href({ name: 'doc', slug, anchor: anchor ?? null, hl: hl ?? null, block: block ?? null });
