// Entry point of the aws sub-action (aws/action.yml): main, or post when the runner says so.
import * as core from '@actions/core';
import { runAwsAction, runAwsPost } from '../action/aws.js';

if (core.getState('isPost') === 'true') await runAwsPost();
else {
  core.saveState('isPost', 'true');
  await runAwsAction();
}
