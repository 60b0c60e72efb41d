// Everyday posts that share words with risky ones pass clean: look-alike
// words, place names, dishes and titles, work words used outside work, the
// poster's own family's health, and an organisation's own contact details.
// The whole engine (rules and learned layer) is checked, as a person meets it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { business, categories, personal } from './helpers';

/** Plain everyday posts (prices, weather, bills, traffic) that once set off the learned layer. */
const EVERYDAY = readFileSync(new URL('../fixtures/everyday-posts.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));

const PERSONAL = [
  'Fuel prices are up again, 1.59 a litre at the Asda in Leith.',
  'Spent the afternoon pricing up sofas. Who knew they were so dear.',
  'Spicy chicken tonight, I finally sorted the spice rack.',
  'We watched a documentary about the River Niger last night.',
  'Graduated with my Masters in Social Work today!',
  'Took the kids to see Dick Whittington at the King\'s, oh yes we did.',
  'Spotted dick and custard for pudding, proper school dinners.',
  'Blue tits and a great tit on the feeder this morning.',
  'Cocktail night with the girls in Scunthorpe, then a wine tasting in Essex.',
  'Passed my assessment with distinction, buzzing!',
  'Fired up the barbecue, burnt the sausages as usual.',
  'Hibs have sacked the manager again, third one this year.',
  'Our striker is suspended for two games after that red card.',
  'Weeding the garden and cutting the grass all Saturday.',
  'There is a crack in the windscreen and the speed limit cameras are everywhere.',
  'My mum\'s hip operation went well, thanks for all the messages.',
  'Breast cancer awareness month: book your screening, it saved my aunt.',
  'Killing it at the gym this week, new deadlift PB!',
  'Can of Coke and a pot noodle, living the dream.',
  'Faggots and mushy peas for tea, just like my gran used to make.',
  'Police seized £2m of cocaine at Grangemouth this morning, according to the BBC.',
  'Gran asked for a fag and a bacon roll the minute she got home from the hospital.',
];

const BUSINESS = [
  'Job alert: we are hiring support workers for our Hope Street service in Dundee.',
  'Our confidential employee helpline is free and open 24 hours a day.',
  'Our latest Care Inspectorate report has been published: grades of 5 across all themes.',
  'Residents enjoyed a visit from the local school choir this afternoon.',
  'We are closed to visitors this weekend due to a norovirus outbreak.',
  'Storm Amy is due overnight; home visits will go ahead where it is safe.',
  'Thank you to everyone who came to the summer fair. The tombola raised £340 for Alzheimer Scotland.',
  'We are recruiting night support workers in Angus and across North Lanarkshire.',
  'The Selkirk Grace was said and the haggis piped in at our Burns Supper.',
  'Thank you to the Tesco Bank volunteers who painted our fences.',
  'A reminder to all staff: our free, confidential counselling service is open 24/7.',
];

/** Names that are people stay people: a business page still needs consent for them. */
const NAMED = [
  'Service user Mr A. Grant has been missing since 6pm, please share.',
  'Well done to Aoife, 15, who won gold at the swimming championships!',
  'Thanks to @Kerry McLean for running the tombola at the fete.',
];

describe('everyday posts with look-alike words', () => {
  it.each(PERSONAL)('passes on a personal account: %s', (text) => {
    expect(categories(text, personal)).toEqual([]);
  });
  it.each(EVERYDAY)('passes as an everyday personal post: %s', (text) => {
    expect(categories(text, personal)).toEqual([]);
  });
  it.each(BUSINESS)('passes on a business page: %s', (text) => {
    expect(categories(text, business)).toEqual([]);
  });
  it.each(NAMED)('still asks for consent for a person named on a business page: %s', (text) => {
    expect(categories(text, business)).toContain('consent');
  });
});
