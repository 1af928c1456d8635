/// <reference types="byline-widgets/vue" />
