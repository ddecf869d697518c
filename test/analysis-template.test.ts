import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { PostIncidentAnalysisTemplate } from '../src';
import { newStack } from './support/stacks';
import { table } from './support/tables';

/*
 * Each rule as a table (test/support/tables.ts). The limits come from Systems Manager's documents (the
 * AWS::SSM::Document schema, the document size quota, the user guide), not from the implementation.
 */

describe('PostIncidentAnalysisTemplate', () => {
  table<string>('Analysis template name (3 to 128, not reserved)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { templateName: v, content: { schemaVersion: '1.0', sections: [{ id: 'overview', name: 'Overview', components: [] }] } }), [
    { rule: 'an amzn prefix', bad: 'Amzn-analysis', boundary: 'analysis-amzn', message: '`templateName` must not begin with aws, amazon or amzn (in any case): Systems Manager reserves those names (got "Amzn-analysis") at Stack/A [ANALYSIS_TEMPLATE]' },
    { rule: 'a slash', bad: 'team/analysis', boundary: 'team_analysis-1.0', message: '`templateName` must be 3 to 128 letters, digits and _ - . (got "team/analysis") at Stack/A [ANALYSIS_TEMPLATE]' },
  ]);
  // The content as JSON is `v` bytes: the description fills what the other fields leave.
  const sections = [{ id: 'overview', name: 'Overview', components: [] }];
  const sized = (bytes: number) => ({ schemaVersion: '1.0', sections, description: 'x'.repeat(bytes - JSON.stringify({ schemaVersion: '1.0', sections, description: '' }).length) });
  table<number>('Analysis template content (Systems Manager documents: 64 KB)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { content: sized(v) }), [
    { rule: 'one byte over', bad: 64 * 1024 + 1, boundary: 64 * 1024, message: '`content` must be at most 65536 bytes, the size limit of a Systems Manager document (got "65537 bytes") at Stack/A [ANALYSIS_TEMPLATE]' },
  ]);
  table<any>('Analysis template content (an object)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { content: v }), [
    { rule: 'a string', bad: '{"sections":[]}', boundary: { schemaVersion: '1.0', sections }, message: '`content` must be the template document as an object (its JSON, parsed) (got "a string") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    {
      rule: 'the whole GetDocument response',
      bad: { Name: 'AWSIncidents-PostIncidentAnalysisTemplate', DocumentFormat: 'JSON', Content: '{"sections":[]}' },
      boundary: JSON.parse(JSON.stringify({ schemaVersion: '1.0', sections })),
      message: '`content` must be the template itself: JSON.parse(response.Content), not the whole GetDocument response (got "a GetDocument response (with Content, Name, DocumentFormat)") at Stack/A [ANALYSIS_TEMPLATE]',
      token: false,
    },
    // Every Systems Manager document names its schemaVersion (Systems Manager user guide, "Data elements and parameters").
    { rule: 'no schemaVersion', bad: { sections }, boundary: { schemaVersion: '1.0', sections }, message: '`content.schemaVersion` must be given as a string: the schemaVersion of AWSIncidents-PostIncidentAnalysisTemplate\'s content, which every Systems Manager document names (got nothing) at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'no section', bad: { schemaVersion: '1.0', sections: [] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections` must be a non-empty list of sections, as in AWSIncidents-PostIncidentAnalysisTemplate (got "an empty list") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'sections not a list', bad: { schemaVersion: '1.0', sections: { id: 'overview' } }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections` must be a non-empty list of sections, as in AWSIncidents-PostIncidentAnalysisTemplate (got "object") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'a section without a name', bad: { schemaVersion: '1.0', sections: [{ id: 'overview' }] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections[0]` must be a section with a string `id` and `name`, as in AWSIncidents-PostIncidentAnalysisTemplate', token: false },
    { rule: 'components not a list', bad: { schemaVersion: '1.0', sections: [{ id: 'a', name: 'A', components: {} }] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections[0].components` must be a list of components (got "object") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    {
      rule: 'a section id twice',
      bad: { schemaVersion: '1.0', sections: [...sections, { id: 'overview', name: 'Again', components: [] }] },
      boundary: { schemaVersion: '1.0', sections: [...sections, { id: 'questions', name: 'Incident questions', components: [] }] },
      message: '`content.sections[1]` must have an id no other section has (got "overview") at Stack/A [ANALYSIS_TEMPLATE]',
      token: false,
    },
  ]);

  describe('analysis template content without sections', () => {
    test('GIVEN content without sections THEN synthesis warns (the format is not published beyond AWS\'s template) but passes', () => {
      const stack = newStack();
      new PostIncidentAnalysisTemplate(stack, 'A', { content: { schemaVersion: '1.0' } });
      Annotations.fromStack(stack).hasWarning('/Stack/A', Match.stringLikeRegexp('The content has no `sections`.*PostIncidentAnalysisTemplate.noSections'));
    });
  });
});
