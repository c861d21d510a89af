/**
 * Country shapes for the map: Natural Earth at 1:110m from the world-atlas package (the expansion view fetches
 * the file from the app's own origin), matched to entities by ISO 3166-1 codes.
 */
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CountryFeature = Feature<Geometry, { name: string }> & { id?: string | number };

/** The country features of a world-atlas topology. */
export function countryFeatures(topology: unknown): CountryFeature[] {
  const t = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(t, t.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
}

/** The world-atlas id (ISO numeric, as a string) of a state's ISO alpha-3 entity id, if it has one. */
export function numericId(alpha3: string): string | undefined {
  return countries.alpha3ToNumeric(alpha3);
}
