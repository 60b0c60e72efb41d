// The names a pack may use in `{ "detector": "..." }`: the one list, read by
// the pack schema (which must not load the detectors themselves) and checked
// against the implementations in ./index.ts.
export const DETECTOR_NAMES = [
  'uk-phone',
  'uk-mobile',
  'email',
  'postcode',
  'street-address',
  'room-number',
  'date-of-birth',
  'nhs-number',
  'chi-number',
  'ni-number',
  'reference-number',
  'secret-code',
  'person-name',
] as const;

export type DetectorName = (typeof DETECTOR_NAMES)[number];
