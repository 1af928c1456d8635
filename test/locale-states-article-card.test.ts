import { describeStates } from './locale-states.js';

describeStates('article card');
