// The built-in detectors a pack can name in `{ "detector": "..." }`.
import type { Token } from '../text/tokenise';
import { email, postcode, roomNumber, streetAddress, ukMobile, ukPhone } from './contact-details';
import { chiNumber, dateOfBirth, niNumber, nhsNumber, referenceNumber } from './identity-numbers';
import { personNames } from './person-names';
import type { DetectorName } from './names';
import { secretCode } from './secrets';
import type { Span } from './span';

export type { Span } from './span';

type Detector = (text: string, tokens: readonly Token[]) => Span[];

export const DETECTORS = {
  'uk-phone': (t) => ukPhone(t),
  'uk-mobile': (t) => ukMobile(t),
  email: (t) => email(t),
  postcode: (t) => postcode(t),
  'street-address': (t) => streetAddress(t),
  'room-number': (t) => roomNumber(t),
  'date-of-birth': (t) => dateOfBirth(t),
  'nhs-number': (t) => nhsNumber(t),
  'chi-number': (t) => chiNumber(t),
  'ni-number': (t) => niNumber(t),
  'reference-number': (t) => referenceNumber(t),
  'secret-code': (t) => secretCode(t),
  'person-name': (text, tokens) => personNames(tokens, text),
} satisfies Record<DetectorName, Detector>;

export { DETECTOR_NAMES, type DetectorName } from './names';
