// Type-check only (tsc --strict): every element with its typed properties and events. The
// lines marked as expected errors prove the types are precise rather than `any`.
import 'byline-widgets';
import { observe } from 'byline-widgets/cdn/loader.js';
import type { BylineArticleCard, BylineCommentBox } from 'byline-widgets';
import { stories } from '../../common/stories.js';

export function EveryElement({ onTitle }: { onTitle: (title: string) => void }) {
  const ref = (card: BylineArticleCard | null) => {
    if (card) observe(card);
  };
  return (
    <>
      <byline-article-card
        ref={ref}
        article={stories[0]}
        layout="hero"
        dateStyle="relative"
        headingLevel={2}
        theme="dark"
        digits="native"
        timeZone="Asia/Bangkok"
        className="teaser"
        onbyline-load={(e) => onTitle(e.detail.value.title)}
        onbyline-error={(e) => console.warn(e.detail.kind, e.detail.field, e.detail.status)}
      />
      {/* @ts-expect-error not a layout */}
      <byline-article-card layout="diagonal" />
      {/* @ts-expect-error `article` wants an Article */}
      <byline-article-card article={{ title: 'no id or url' }} />
      <byline-article-card
        // @ts-expect-error the detail is an Article, which has no `headline`
        onbyline-load={(e) => onTitle(e.detail.value.headline)}
      />
      <byline-related-topics
        sections={[{ kind: 'topic', items: stories }]}
        layout="tabs"
        maxItems={5}
        showImages
        onbyline-load={(e) => e.detail.value.sections.forEach((s) => onTitle(s.kind))}
      />
      <byline-photo-caption
        photo={{ src: '/photo.jpg', alt: 'A commune office', caption: 'Online services', number: 1 }}
        noZoom={false}
        onbyline-load={(e) => onTitle(e.detail.value.alt)}
        onbyline-zoom-open={(e) => e.detail.photo.src && e.preventDefault()}
        onbyline-zoom-close={(e) => onTitle(e.detail.photo.alt)}
      />
      <byline-comment-box
        api="https://comments.example.org/api"
        thread={stories[0]!.id}
        sort="oldest"
        pageSize={20}
        onbyline-load={(e) => onTitle(String(e.detail.value.total))}
        onbyline-comment-submit={(e) => e.detail.body.body.length > 5000 && e.preventDefault()}
        onbyline-comment-posted={(e) => onTitle(e.detail.comment.status)}
        ref={(box: BylineCommentBox | null) => box?.focus()}
      />
      <byline-comment-count
        api="https://comments.example.org/api"
        thread={stories[0]!.id}
        href="#comments"
        onbyline-load={(e) => onTitle(e.detail.value.toFixed(0))}
      />
    </>
  );
}
