import { describeStates } from './locale-states.js';

describeStates('photo caption');
