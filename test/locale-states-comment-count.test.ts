import { describeStates } from './locale-states.js';

describeStates('comment count');
