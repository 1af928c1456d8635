import { describeCoverage } from './locale-states.js';

describeCoverage();
