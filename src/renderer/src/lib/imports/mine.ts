// The search filter "Your documents": a value of the Document filter (and of `doc` in the search
// URL) that no slug can take, asking for the user's added documents only.
export const MINE = '@mine';
