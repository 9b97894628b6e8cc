// The Function App on Flex Consumption: .NET 10 isolated, 2 GB instances, system-assigned identity,
// identity-based connections to storage and Application Insights, settings named as in
// Customer360.Domain/Hosting/AppSettingNames.cs.
param name string
param location string
param tags object
param storageAccountName string
param deploymentContainerName string
param logsContainerName string
param workContainerName string
param outputContainerName string
param applicationInsightsName string
param openAiEndpoint string
param openAiDeploymentName string
param mysqlSecretUri string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'C360Logs__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'C360Logs__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'C360Logs__credential', value: 'managedidentity' }
        { name: 'C360_LOGS_CONTAINER', value: logsContainerName }
        { name: 'C360_WORK_CONTAINER', value: workContainerName }
        { name: 'C360_OUTPUT_CONTAINER', value: outputContainerName }
        { name: 'C360_MYSQL', value: '@Microsoft.KeyVault(SecretUri=${mysqlSecretUri})' }
        { name: 'C360_CLASSIFIER', value: 'azure-openai' }
        { name: 'C360_OPENAI_ENDPOINT', value: openAiEndpoint }
        { name: 'C360_OPENAI_MODEL', value: openAiDeploymentName }
        // Empty on purpose: with no key the app signs in to Azure OpenAI with its managed identity.
        { name: 'C360_OPENAI_KEY', value: '' }
        { name: 'C360_SHARDS', value: '16' }
        { name: 'C360_HIGH_ACTIVITY_DAYS', value: '15' }
        { name: 'C360_CLASSIFY_BATCH_SIZE', value: '50' }
        { name: 'C360_CLASSIFY_PARALLELISM', value: '8' }
        // Empty = built-in defaults: the category map (JSON or a file path), the classifier instructions (a file path),
        // the deployment's rate limits (set them to the deployment's quota to pace under it), re-classification of stale cache entries.
        { name: 'C360_CATEGORY_MAP', value: '' }
        { name: 'C360_CLASSIFIER_INSTRUCTIONS', value: '' }
        { name: 'C360_OPENAI_REQUESTS_PER_MINUTE', value: '' }
        { name: 'C360_OPENAI_TOKENS_PER_MINUTE', value: '' }
        { name: 'C360_RECLASSIFY_STALE', value: 'false' }
        // Empty = no identity map (a contract is its own user_id); else a CSV blob in the logs container, e.g. identity_map.csv.
        { name: 'C360_IDENTITY_MAP', value: '' }
      ]
    }
  }
}

output name string = site.name
output principalId string = site.identity.principalId
