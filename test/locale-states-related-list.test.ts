import { describeStates } from './locale-states.js';

describeStates('related list');
