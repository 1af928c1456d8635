/// <reference types="byline-widgets/svelte" />
