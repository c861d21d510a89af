import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({ year: params.year });
