import { Annotations, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Names, RemovalPolicy, Resource, Token } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { requireGiven, requireProps } from './private/inputs';
import { applyRemovalPolicy } from './private/removal';
import { checkTagsAtSynth } from './private/tags';
import { SSM_DOCUMENT_NAME, checkString } from './private/validate';

/**
 * Properties of a `PostIncidentAnalysisTemplate`.
 */
export interface PostIncidentAnalysisTemplateProps {
  /**
   * The template's content: the JSON of `AWSIncidents-PostIncidentAnalysisTemplate` (download it with
   * the Systems Manager `GetDocument` action), with the questions and sections you add.
   */
  readonly content: any;

  /**
   * The template's name: 3 to 128 letters, digits and `_ - .`.
   *
   * @default - a name generated from the construct path
   */
  readonly templateName?: string;

  /**
   * What happens to the template when it leaves the stack. Analyses refer to the template they were
   * created from, so it is kept by default.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}


/**
 * A post-incident analysis template: an SSM document of type `ProblemAnalysisTemplate` that
 * responders pick when they create the analysis of a closed incident. An edit of the content adds a
 * new version of the document (`UpdateMethod: NewVersion`), and the document is retained by default.
 *
 * @resource AWS::SSM::Document
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/analysis.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * // The content of AWSIncidents-PostIncidentAnalysisTemplate (Systems Manager GetDocument), with
 * // your questions added, parsed from JSON.
 * declare const content: any;
 * new im.PostIncidentAnalysisTemplate(this, 'Analysis', { content });
 */
export class PostIncidentAnalysisTemplate extends Resource {
  /** @attribute */
  public readonly templateName: string;

  constructor(scope: Construct, id: string, props: PostIncidentAnalysisTemplateProps) {
    super(scope, id);
    requireProps(this, props, 'PostIncidentAnalysisTemplateProps (content)', 'INPUT');
    // Content is required by the AWS::SSM::Document schema.
    requireGiven(this, 'content', props.content, 'the template document as an object (the content of AWSIncidents-PostIncidentAnalysisTemplate, with your questions)', 'ANALYSIS_TEMPLATE');
    this.templateName = props.templateName ?? Names.uniqueResourceName(this, { maxLength: 128, allowedSpecialCharacters: '-_.' });
    checkString(this, 'templateName', this.templateName, { pattern: SSM_DOCUMENT_NAME, format: '3 to 128 letters, digits and _ - .', code: 'ANALYSIS_TEMPLATE' });
    // Systems Manager reserves document names that begin with aws, amazon or amzn, in any case
    // (Systems Manager API reference, CreateDocument: Name).
    if (!Token.isUnresolved(this.templateName) && /^(aws|amazon|amzn)/i.test(this.templateName)) {
      throw new IncidentManagerValidationError(this, '`templateName`', this.templateName, 'not begin with aws, amazon or amzn (in any case): Systems Manager reserves those names', 'ANALYSIS_TEMPLATE');
    }
    checkContentSize(this, props.content);
    const resource = new ssm.CfnDocument(this, 'Resource', {
      name: this.templateName,
      documentType: 'ProblemAnalysisTemplate',
      documentFormat: 'JSON',
      content: props.content,
      // An edit adds a version of the same document instead of replacing it (AWS::SSM::Document
      // UpdateMethod: Replace, the default, deletes the document analyses refer to).
      updateMethod: 'NewVersion',
    });
    applyRemovalPolicy(this, resource, props.removalPolicy);
    checkTagsAtSynth(this, resource);
  }
}

/** The largest document Systems Manager accepts (Systems Manager service quotas: document size, 64 KB). */
const MAX_DOCUMENT_BYTES = 64 * 1024;

function checkContentSize(scope: Construct, content: any): void {
  if (content === undefined || content === null || Token.isUnresolved(content)) {
    return;
  }
  if (typeof content !== 'object' || Array.isArray(content)) {
    throw new IncidentManagerValidationError(scope, '`content`', typeof content === 'string' ? `a ${typeof content}` : content, 'be the template document as an object (its JSON, parsed)', 'ANALYSIS_TEMPLATE');
  }
  // The user guide ("Create an analysis template") takes the Content of GetDocument's response for
  // AWSIncidents-PostIncidentAnalysisTemplate. Passing the whole response, or a response's Content
  // still as text, is the mistake to catch: Systems Manager would store a document the analysis page
  // cannot read.
  if (typeof content.Content === 'string' && ('DocumentFormat' in content || 'Name' in content || 'DocumentType' in content)) {
    throw new IncidentManagerValidationError(
      scope,
      '`content`',
      `a GetDocument response (with Content, ${['Name', 'DocumentFormat', 'DocumentType'].filter((k) => k in content).join(', ')})`,
      'be the template itself: JSON.parse(response.Content), not the whole GetDocument response',
      'ANALYSIS_TEMPLATE',
    );
  }
  // Every Systems Manager document names the schema version of its content at its top level (Systems
  // Manager user guide, "Data elements and parameters": schemaVersion, required), as
  // AWSIncidents-PostIncidentAnalysisTemplate's content does.
  if (!Token.isUnresolved(content.schemaVersion) && (typeof content.schemaVersion !== 'string' || content.schemaVersion.length === 0)) {
    throw new IncidentManagerValidationError(
      scope,
      '`content.schemaVersion`',
      content.schemaVersion === undefined ? undefined : content.schemaVersion,
      "be given as a string: the schemaVersion of AWSIncidents-PostIncidentAnalysisTemplate's content, which every Systems Manager document names",
      'ANALYSIS_TEMPLATE',
    );
  }
  // The template is made of sections (the building blocks of AWSIncidents-PostIncidentAnalysisTemplate,
  // each with an id, a name and its components). The format is not published beyond that template,
  // so a document without sections is warned about, not refused.
  if (!('sections' in content)) {
    Annotations.of(scope).addWarningV2(
      'cdk-incident-manager:PostIncidentAnalysisTemplate.noSections',
      'The content has no `sections`: analysis templates are made of the sections of AWSIncidents-PostIncidentAnalysisTemplate (download it with Systems Manager GetDocument and add your questions to it).',
    );
  } else if (!Token.isUnresolved(content.sections)) {
    const sections = content.sections;
    if (!Array.isArray(sections) || sections.length === 0) {
      throw new IncidentManagerValidationError(scope, '`content.sections`', Array.isArray(sections) ? 'an empty list' : typeof sections, 'be a non-empty list of sections, as in AWSIncidents-PostIncidentAnalysisTemplate', 'ANALYSIS_TEMPLATE');
    }
    const ids = new Set<string>();
    sections.forEach((section: any, i: number) => {
      const where = `\`content.sections[${i}]\``;
      if (typeof section !== 'object' || section === null || typeof section.id !== 'string' || typeof section.name !== 'string') {
        throw new IncidentManagerValidationError(scope, where, section, 'be a section with a string `id` and `name`, as in AWSIncidents-PostIncidentAnalysisTemplate', 'ANALYSIS_TEMPLATE');
      }
      if ('components' in section && !Array.isArray(section.components)) {
        throw new IncidentManagerValidationError(scope, `\`content.sections[${i}].components\``, typeof section.components, 'be a list of components', 'ANALYSIS_TEMPLATE');
      }
      if (ids.has(section.id)) {
        throw new IncidentManagerValidationError(scope, where, section.id, 'have an id no other section has', 'ANALYSIS_TEMPLATE');
      }
      ids.add(section.id);
    });
  }
  const text = JSON.stringify(content);
  const bytes = Buffer.byteLength(text, 'utf-8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new IncidentManagerValidationError(scope, '`content`', `${bytes} bytes`, `be at most ${MAX_DOCUMENT_BYTES} bytes, the size limit of a Systems Manager document`, 'ANALYSIS_TEMPLATE');
  }
}
