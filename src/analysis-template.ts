import { Names, Resource, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkString } from './private/validate';

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
}

const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.]{3,128}$/;

/**
 * A post-incident analysis template: an SSM document of type `ProblemAnalysisTemplate` that
 * responders pick when they create the analysis of a closed incident.
 *
 * @resource AWS::SSM::Document
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/analysis.html
 */
export class PostIncidentAnalysisTemplate extends Resource {
  /** @attribute */
  public readonly templateName: string;

  constructor(scope: Construct, id: string, props: PostIncidentAnalysisTemplateProps) {
    super(scope, id);
    this.templateName = props.templateName ?? Names.uniqueResourceName(this, { maxLength: 128, allowedSpecialCharacters: '-_.' });
    checkString(this, 'templateName', this.templateName, { pattern: DOCUMENT_NAME });
    new ssm.CfnDocument(this, 'Resource', {
      name: this.templateName,
      documentType: 'ProblemAnalysisTemplate',
      documentFormat: 'JSON',
      content: props.content,
    });
  }
}
