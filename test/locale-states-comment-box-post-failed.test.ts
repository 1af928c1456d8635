import { describeStates } from './locale-states.js';

describeStates('comment box, post failed');
