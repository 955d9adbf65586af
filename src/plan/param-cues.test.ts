import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParamSpec } from '../core/task-type.js';
import { cuedValues, paramCue } from './param-cues.js';

const spec = (name: string, description: string): ParamSpec => ({ name, description, type: 'string', required: true });
const values = (type: { name: string; description: string }, specs: ParamSpec[], text: string) =>
  Object.fromEntries(cuedValues(specs.map((s) => [s.name, paramCue(s, type)] as const), text, new Set()));

describe('parameter cues from documentation', () => {
  it('reads the preposition, the noun and the listed examples off a parameter', () => {
    const enroll = { name: 'enroll_in_course', description: 'Enroll in a specific course at a specific university' };
    assert.deepEqual(paramCue(spec('university', 'The university to enroll in the course at'), enroll), { preps: ['at', 'on', 'from', 'via', 'using', 'through'], nouns: ['university'], examples: [], exclude: ['enroll', 'course'] });
    assert.deepEqual(paramCue(spec('engine', 'The search engine to use, eg. Google, Bing, Baidu etc.'), { name: 'search', description: '' }).examples, ['Google', 'Bing', 'Baidu']);
    // The noun must head its phrase: the insurance company is cued by "from", the insurance is not.
    const insurance = { name: 'buy_insurance', description: 'Buy a specific insurance from a specific insurance company' };
    assert.deepEqual(paramCue(spec('insurance', 'The insurance to buy'), insurance).preps, []);
    assert.deepEqual(paramCue(spec('company', 'The insurance company to buy the insurance from'), insurance).preps, ['from']);
  });

  it('finds each value where its cue puts it, each value once', () => {
    const enroll = { name: 'enroll_in_course', description: 'Enroll in a specific course at a specific university' };
    assert.deepEqual(values(enroll, [spec('course', 'The course to enroll in'), spec('university', 'The university to enroll in the course at')], 'enroll in the Machine Learning course at Stanford University'), {
      course: 'Machine Learning',
      university: 'Stanford University',
    });
    const search = { name: 'search_by_engine', description: 'Search a specific query by a specific search engine' };
    assert.deepEqual(values(search, [spec('query', 'The content to search'), spec('engine', 'The search engine to use, eg. Google, Bing, Baidu etc.')], 'look up the opening hours on Google'), { engine: 'Google' }, 'an example is not also a query');
    const bill = { name: 'daily_bill_payment', description: 'Pay a specific bill' };
    assert.deepEqual(values(bill, [spec('bill', 'The bill to pay, eg. electricity, water, gas, phone, internet etc.')], 'please pay my Electricity bill'), { bill: 'Electricity' });
    const food = { name: 'order_food_delivery', description: 'Order a specific food to be delivered to a specific location at a specific platform' };
    assert.deepEqual(
      values(food, [spec('location', 'The location to deliver the food to'), spec('platform', 'The platform to order the food at, eg. Uber Eats, Meituan Waimai etc.')], 'order a pizza to be delivered to 12 Main Street through Uber Eats'),
      { location: '12 Main Street', platform: 'Uber Eats' },
      '"to be delivered" is a verb, not a place',
    );
  });

  it('does not take the tool\'s own words, or a sentence\'s first word, for a value', () => {
    const passport = { name: 'apply_for_passport', description: 'Apply for a passport' };
    assert.deepEqual(values(passport, [spec('country', 'The country to apply for the passport for')], 'apply for a passport for the United States'), { country: 'United States' });
    const lawyer = { name: 'consult_lawyer_online', description: 'Consult a specific lawyer for a specific legal issue' };
    assert.deepEqual(values(lawyer, [spec('issue', 'The legal issue to consult the lawyer for'), spec('lawyer', 'The lawyer to consult')], 'Consult lawyer John Doe about a divorce issue'), { issue: 'divorce', lawyer: 'John Doe' });
  });

  it('states nothing when the text has no cue', () => {
    const note = { name: 'take_note', description: 'Take a note' };
    assert.deepEqual(values(note, [spec('content', 'The content of the note')], 'take a note of it'), {});
  });
});
