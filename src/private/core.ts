import * as cdk from 'aws-cdk-lib';

/*
 * aws-cdk-lib's root exports are getters: each read of `Token` or `Stack` from 'aws-cdk-lib' in
 * compiled code is three require() calls (about 0.5 µs), and the library's per-resource code reads
 * them thousands of times in a large app (9,000 reads at 100 people, before this module). The classes
 * of aws-cdk-lib's core that the library reads are read here once. `export import` keeps both the
 * value and the type. Only classes that every synthesis loads anyway are here, so importing the
 * library loads nothing more; the others (Annotations, Duration, TimeZone, NestedStack, CfnOutput)
 * are imported from 'aws-cdk-lib' where they are used. An ESLint rule (.projenrc.ts) keeps value
 * imports of these names from 'aws-cdk-lib' out of src/.
 */
export import Arn = cdk.Arn;
export import ArnFormat = cdk.ArnFormat;
export import AspectPriority = cdk.AspectPriority;
export import Aspects = cdk.Aspects;
export import Aws = cdk.Aws;
export import CfnDeletionPolicy = cdk.CfnDeletionPolicy;
export import CfnParameter = cdk.CfnParameter;
export import CfnResource = cdk.CfnResource;
export import Fn = cdk.Fn;
export import Lazy = cdk.Lazy;
export import Names = cdk.Names;
export import RemovalPolicy = cdk.RemovalPolicy;
export import Resource = cdk.Resource;
export import Stack = cdk.Stack;
export import Stage = cdk.Stage;
export import TagManager = cdk.TagManager;
export import Token = cdk.Token;
