/// <reference types="byline-widgets/preact" />
