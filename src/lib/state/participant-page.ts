/** The address of a participant's page (`/partners/<id>`, under the site's base path), for links in charts and tables. */
import { resolve } from '$app/paths';

export const participantPage = (id: string): string => resolve('/partners/[id]', { id });
