import { describeStates } from './locale-states.js';

describeStates('comment box, posting');
