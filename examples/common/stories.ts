// Two stories for the example apps: the first is shown, "Next story" swaps in the second.
import type { Article } from 'byline-widgets';

export const stories: Article[] = [
  {
    id: 'mic-197241227152010792',
    url: 'https://example.org/th/article/197241227152010792',
    title: 'Digital transformation reaches every commune',
    summary: 'Provinces report the first year of online public services in every commune.',
    category: { name: 'Technology', url: 'https://example.org/technology' },
    author: { name: 'Lan Pham' },
    publishedAt: '2024-12-27T15:20:10+07:00',
    commentCount: 12,
  },
  {
    id: 'mic-197241227152010793',
    url: 'https://example.org/th/article/197241227152010793',
    title: 'Fibre broadband for mountain schools',
    summary: 'Three hundred schools in the north are connected before the new term.',
    category: { name: 'Education', url: 'https://example.org/education' },
    author: { name: 'Minh Tran' },
    publishedAt: '2024-12-28T09:00:00+07:00',
    commentCount: 3,
  },
];
