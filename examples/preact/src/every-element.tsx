// Type-check only (tsc --strict, Preact's JSX): every element with its typed properties and events;
// lines marked as expected errors prove the types are precise rather than `any`.
import 'byline-widgets';
import { stories } from '../../common/stories.js';

export function EveryElement({ onTitle }: { onTitle: (title: string) => void }) {
  return (
    <>
      <byline-article-card
        article={stories[0]}
        layout="hero"
        dateStyle="relative"
        headingLevel={2}
        class="teaser"
        onbyline-load={(e) => onTitle(e.detail.value.title)}
        onbyline-error={(e) => console.warn(e.detail.kind)}
      />
      {/* @ts-expect-error not a layout */}
      <byline-article-card layout="diagonal" />
      <byline-related-topics sections={{ sections: [] }} onbyline-load={(e) => onTitle(e.detail.value.sections.length.toString())} />
      <byline-photo-caption photo={{ src: '/p.jpg', alt: 'A photo' }} onbyline-zoom-open={(e) => onTitle(e.detail.photo.alt)} />
      <byline-comment-box api="/api" thread="t1" sort="newest" onbyline-comment-posted={(e) => onTitle(e.detail.comment.body)} />
      <byline-comment-count api="/api" thread="t1" onbyline-load={(e) => onTitle(e.detail.value.toFixed(0))} />
      {/* @ts-expect-error the count is a number */}
      <byline-comment-count onbyline-load={(e) => onTitle(e.detail.value.title)} />
    </>
  );
}
