/// <reference types="byline-widgets/react" />
